# functools: partial, reduce, lru_cache/cache, wraps, cmp_to_key, total_ordering.

from collections import namedtuple

_initial_missing = object()

CacheInfo = namedtuple('CacheInfo', ['hits', 'misses', 'maxsize', 'currsize'])


def reduce(function, iterable, initial=_initial_missing):
    it = iter(iterable)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        if not callable(func):
            raise TypeError('the first argument must be callable')
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **keywords):
        kw = dict(self.keywords)
        for k in keywords:
            kw[k] = keywords[k]
        return self.func(*self.args, *args, **kw)

    def __repr__(self):
        parts = [repr(self.func)] + [repr(a) for a in self.args]
        parts = parts + [k + '=' + repr(self.keywords[k]) for k in self.keywords]
        out = ''
        for p in parts:
            out = p if out == '' else out + ', ' + p
        return 'functools.partial(' + out + ')'


WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=()):
    def decorator(wrapper):
        return update_wrapper(wrapper, wrapped, assigned)
    return decorator


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key = key + (_kwd_mark,)
        for k in kwds:
            key = key + (k, kwds[k])
    if typed:
        key = key + tuple(type(v) for v in args)
    if len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


_kwd_mark = object()


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _lru_wrapper(maxsize, 128, False)
    if maxsize is not None and maxsize < 0:
        maxsize = 0

    def decorating_function(user_function):
        return _lru_wrapper(user_function, maxsize, typed)
    return decorating_function


def cache(user_function):
    return _lru_wrapper(user_function, None, False)


def _lru_wrapper(user_function, maxsize, typed):
    cache = {}
    stats = [0, 0]

    def wrapper(*args, **kwds):
        key = _make_key(args, kwds, typed)
        if key in cache:
            stats[0] += 1
            result = cache[key]
            if maxsize is not None:
                del cache[key]
                cache[key] = result
            return result
        stats[1] += 1
        result = user_function(*args, **kwds)
        if maxsize is None or maxsize > 0:
            cache[key] = result
            if maxsize is not None and len(cache) > maxsize:
                del cache[next(iter(cache))]
        return result

    def cache_info():
        return CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        _clear(cache)
        stats[0] = 0
        stats[1] = 0

    update_wrapper(wrapper, user_function)
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def _clear(d):
    for k in list(d):
        del d[k]


def cmp_to_key(mycmp):
    class K:
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K


def total_ordering(cls):
    def defined(name):
        f = getattr(cls, name, None)
        return f is not None and f is not getattr(object, name, None)

    if defined('__lt__'):
        lt = cls.__lt__
        if not defined('__gt__'):
            cls.__gt__ = lambda self, other: not lt(self, other) and self != other
        if not defined('__le__'):
            cls.__le__ = lambda self, other: lt(self, other) or self == other
        if not defined('__ge__'):
            cls.__ge__ = lambda self, other: not lt(self, other)
    elif defined('__le__'):
        le = cls.__le__
        if not defined('__ge__'):
            cls.__ge__ = lambda self, other: not le(self, other) or self == other
        if not defined('__lt__'):
            cls.__lt__ = lambda self, other: le(self, other) and self != other
        if not defined('__gt__'):
            cls.__gt__ = lambda self, other: not le(self, other)
    elif defined('__gt__'):
        gt = cls.__gt__
        if not defined('__lt__'):
            cls.__lt__ = lambda self, other: not gt(self, other) and self != other
        if not defined('__ge__'):
            cls.__ge__ = lambda self, other: gt(self, other) or self == other
        if not defined('__le__'):
            cls.__le__ = lambda self, other: not gt(self, other)
    elif defined('__ge__'):
        ge = cls.__ge__
        if not defined('__le__'):
            cls.__le__ = lambda self, other: not ge(self, other) or self == other
        if not defined('__gt__'):
            cls.__gt__ = lambda self, other: ge(self, other) and self != other
        if not defined('__lt__'):
            cls.__lt__ = lambda self, other: not ge(self, other)
    else:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    return cls
