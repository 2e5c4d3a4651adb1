# collections: Counter, defaultdict, OrderedDict, deque and namedtuple.
# Written without methods of the built-in types where a helper in _collections does it.

from _collections import _count_elements, _dict_repr, _dict_items, _split_names, _join


class Counter(dict):
    def __init__(self, iterable=None, **kwds):
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self[k] for k in self)

    def most_common(self, n=None):
        items = sorted(_dict_items(self), key=_second, reverse=True)
        if n is None:
            return items
        return items[:n]

    def elements(self):
        for k in self:
            for _ in range(self[k]):
                yield k

    def update(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for k, v in _dict_items(iterable):
                    self[k] = self[k] + v
            else:
                _count_elements(self, iterable)
        for k in kwds:
            self[k] = self[k] + kwds[k]

    def subtract(self, iterable=None, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for k, v in _dict_items(iterable):
                    self[k] = self[k] - v
            else:
                for k in iterable:
                    self[k] = self[k] - 1
        for k in kwds:
            self[k] = self[k] - kwds[k]

    def copy(self):
        return Counter(self)

    def __repr__(self):
        if len(self) == 0:
            return 'Counter()'
        parts = [repr(k) + ': ' + repr(v) for k, v in self.most_common()]
        return 'Counter({' + _join(', ', parts) + '})'

    def __add__(self, other):
        result = Counter()
        for k in self:
            n = self[k] + other[k]
            if n > 0:
                result[k] = n
        for k in other:
            if k not in self and other[k] > 0:
                result[k] = other[k]
        return result

    def __sub__(self, other):
        result = Counter()
        for k in self:
            n = self[k] - other[k]
            if n > 0:
                result[k] = n
        for k in other:
            if k not in self and other[k] < 0:
                result[k] = 0 - other[k]
        return result


def _second(pair):
    return pair[1]


class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwds):
        self.default_factory = default_factory
        for a in args:
            for k, v in (_dict_items(a) if isinstance(a, dict) else a):
                self[k] = v
        for k in kwds:
            self[k] = kwds[k]

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        f = self.default_factory
        if isinstance(f, type):
            fr = "<class '" + f.__name__ + "'>"
        else:
            fr = repr(f)
        return 'defaultdict(' + fr + ', ' + _dict_repr(self) + ')'


class OrderedDict(dict):
    def __init__(self, other=None, **kwds):
        if other is not None:
            for k, v in (_dict_items(other) if isinstance(other, dict) else other):
                self[k] = v
        for k in kwds:
            self[k] = kwds[k]

    def move_to_end(self, key, last=True):
        value = self[key]
        if last:
            del self[key]
            self[key] = value
        else:
            rest = [(k, self[k]) for k in self if k != key]
            for k, v in rest:
                del self[k]
            for k, v in rest:
                self[k] = v

    def popitem(self, last=True):
        if len(self) == 0:
            raise KeyError('dictionary is empty')
        keys = list(self)
        key = keys[-1] if last else keys[0]
        value = self[key]
        del self[key]
        return (key, value)

    def __repr__(self):
        if len(self) == 0:
            return 'OrderedDict()'
        return 'OrderedDict(' + repr(_dict_items(self)) + ')'


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None and maxlen < 0:
            raise ValueError('maxlen must be non-negative')
        self.maxlen = maxlen
        self._items = []
        self.extend(iterable)

    def _trim_left(self):
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0:len(self._items) - self.maxlen]

    def _trim_right(self):
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[self.maxlen:]

    def append(self, x):
        self._items[len(self._items):] = [x]
        self._trim_left()

    def appendleft(self, x):
        self._items[0:0] = [x]
        self._trim_right()

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        x = self._items[-1]
        del self._items[-1]
        return x

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        x = self._items[0]
        del self._items[0]
        return x

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def rotate(self, n=1):
        k = len(self._items)
        if k:
            n = n % k
            if n:
                self._items = self._items[k - n:] + self._items[:k - n]

    def clear(self):
        self._items = []

    def count(self, x):
        return sum(1 for y in self._items if y == x)

    def remove(self, value):
        for i in range(len(self._items)):
            if self._items[i] == value:
                del self._items[i]
                return
        raise ValueError(repr(value) + ' is not in deque')

    def reverse(self):
        self._items = self._items[::-1]

    def copy(self):
        return deque(self._items, self.maxlen)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        # As CPython: adding or removing items while iterating is an error (else
        # `for x in d: d.append(x)` would never end).
        items = self._items
        size = len(items)
        i = 0
        while i < size:
            if self._items is not items or len(items) != size:
                raise RuntimeError('deque mutated during iteration')
            yield items[i]
            i += 1
        if self._items is not items or len(items) != size:
            raise RuntimeError('deque mutated during iteration')

    def __reversed__(self):
        return reversed(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        self._items[i] = v

    def __contains__(self, x):
        return x in self._items

    def __bool__(self):
        return len(self._items) > 0

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return 'deque(' + repr(self._items) + ')'
        return 'deque(' + repr(self._items) + ', maxlen=' + repr(self.maxlen) + ')'


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = _split_names(field_names)
    fields = tuple(field_names)
    n = len(fields)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > n:
        raise TypeError('Got more default values than field names')
    field_defaults = dict(zip(fields[n - len(defaults):], defaults))

    def __init__(self, *args, **kwargs):
        if len(args) > n:
            raise TypeError(typename + '.__new__() takes ' + str(n + 1)
                            + ' positional arguments but ' + str(len(args) + 1) + ' were given')
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values = values + [kwargs[name]]
            elif name in field_defaults:
                values = values + [field_defaults[name]]
            else:
                missing = [f for f in fields[len(values):] if f not in kwargs and f not in field_defaults]
                if len(missing) == 1:
                    raise TypeError(typename + ".__new__() missing 1 required positional argument: "
                                    + repr(missing[0]))
                raise TypeError(typename + '.__new__() missing ' + str(len(missing))
                                + ' required positional arguments: '
                                + _join(', ', [repr(m) for m in missing[:-1]]) + ' and ' + repr(missing[-1]))
        for k in kwargs:
            if k not in fields:
                raise TypeError(typename + ".__new__() got an unexpected keyword argument '" + k + "'")
        self._tuple = tuple(values)
        for i in range(n):
            setattr(self, fields[i], values[i])

    def __repr__(self):
        parts = [fields[i] + '=' + repr(self._tuple[i]) for i in range(n)]
        return typename + '(' + _join(', ', parts) + ')'

    def __getitem__(self, i):
        return self._tuple[i]

    def __len__(self):
        return n

    def __iter__(self):
        return iter(self._tuple)

    def __eq__(self, other):
        if isinstance(other, tuple):
            return self._tuple == other
        return hasattr(other, '_tuple') and self._tuple == other._tuple

    def __ne__(self, other):
        return not __eq__(self, other)

    def __lt__(self, other):
        return self._tuple < tuple(other)

    def __le__(self, other):
        return self._tuple <= tuple(other)

    def __gt__(self, other):
        return self._tuple > tuple(other)

    def __ge__(self, other):
        return self._tuple >= tuple(other)

    def __hash__(self):
        return hash(self._tuple)

    def __add__(self, other):
        return self._tuple + tuple(other)

    def _asdict(self):
        return dict(zip(fields, self._tuple))

    def _replace(self, **kwargs):
        values = [kwargs[f] if f in kwargs else getattr(self, f) for f in fields]
        for k in kwargs:
            if k not in fields:
                raise ValueError('Got unexpected field names: ' + repr([k]))
        return cls(*values)

    def _make(iterable):
        return cls(*iterable)

    def count(self, value):
        return sum(1 for x in self._tuple if x == value)

    def index(self, value):
        for i in range(n):
            if self._tuple[i] == value:
                return i
        raise ValueError('tuple.index(x): x not in tuple')

    ns = {
        '__init__': __init__, '__repr__': __repr__, '__getitem__': __getitem__,
        '__len__': __len__, '__iter__': __iter__, '__eq__': __eq__, '__ne__': __ne__,
        '__lt__': __lt__, '__le__': __le__, '__gt__': __gt__, '__ge__': __ge__,
        '__hash__': __hash__, '__add__': __add__, '_asdict': _asdict, '_replace': _replace,
        '_make': staticmethod(_make), 'count': count, 'index': index,
        '_fields': fields, '_field_defaults': field_defaults,
    }
    cls = type(typename, (), ns)
    return cls
