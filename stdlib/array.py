# array: CPython's typed arrays of numbers or characters. The items are a list, each
# checked on the way in as its C type would store it (`_array.item`: ranges, float32
# rounding), so an array prints and compares as CPython's does.

import _array

typecodes = 'bBuhHiIlLqQfd'

_SIZES = {'b': 1, 'B': 1, 'u': 4, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8,
          'q': 8, 'Q': 8, 'f': 4, 'd': 8}


def _checked(typecode, items):
    return [_array.item(typecode, x) for x in items]


class array:
    '''array(typecode[, initializer]): an array of items of one C type.'''

    __hash__ = None

    def __init__(self, *args, **kwds):
        if kwds:
            raise TypeError('array.array() takes no keyword arguments')
        if not args:
            raise TypeError('array() takes at least 1 argument (0 given)')
        if len(args) > 2:
            raise TypeError('array() takes at most 2 arguments (%d given)' % len(args))
        typecode = args[0]
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError('array() argument 1 must be a unicode character, not %s'
                            % type(typecode).__name__)
        if typecode not in _SIZES:
            raise ValueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)')
        self._typecode = typecode
        self._items = []
        if len(args) == 1:
            return
        init = args[1]
        if isinstance(init, str):
            if typecode != 'u':
                raise TypeError('cannot use a str to initialize an array with typecode %r'
                                % typecode)
            self._items = list(init)
        elif isinstance(init, bytes):
            self.frombytes(init)
        elif isinstance(init, array) and init._typecode == 'u' and typecode != 'u':
            raise TypeError('cannot use a unicode array to initialize an array with '
                            'typecode %r' % typecode)
        else:
            self._items = _checked(typecode, init)

    @property
    def typecode(self):
        return self._typecode

    @property
    def itemsize(self):
        return _SIZES[self._typecode]

    def _same(self, items):
        '''A new array of this typecode holding `items` (already checked).'''
        a = array(self._typecode)
        a._items = items
        return a

    def _find(self, x, start, stop):
        '''The first index in [start, stop) whose item equals `x`, or -1. Items are
        compared by value, as CPython's stored numbers: a NaN is never found.'''
        items = self._items
        for i in range(start, min(stop, len(items))):
            if items[i] == x:
                return i
        return -1

    def _other(self, other, message,
               other_kind='bad argument type for built-in operation'):
        '''The items of `other`, an array of the same kind.'''
        if not isinstance(other, array):
            raise TypeError(message % type(other).__name__)
        if other._typecode != self._typecode:
            raise TypeError(other_kind)
        return other._items

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        # Live, as CPython's: items appended or changed while iterating are seen.
        items = self._items
        i = 0
        while i < len(items):
            yield items[i]
            i += 1

    def __reversed__(self):
        items = self._items
        i = len(items) - 1
        while i >= 0:
            if i < len(items):
                yield items[i]
            i -= 1

    def __contains__(self, x):
        return self._find(x, 0, len(self._items)) >= 0

    def _index(self, i, message, not_int='array indices must be integers'):
        if not isinstance(i, int):
            if not hasattr(i, '__index__'):
                raise TypeError(not_int)
            i = i.__index__()
            if not isinstance(i, int):
                raise TypeError('__index__ returned non-int (type %s)' % type(i).__name__)
        n = len(self._items)
        if i < 0:
            i += n
        if i < 0 or i >= n:
            raise IndexError(message)
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._same(self._items[i])
        return self._items[self._index(i, 'array index out of range')]

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            items = self._other(value, 'can only assign array (not "%s") to array slice')
            if i.step is not None and i.step != 1:
                size = len(range(*i.indices(len(self._items))))
                if not items:
                    # As CPython: an empty array deletes the extended slice.
                    del self._items[i]
                    return
                if len(items) != size:
                    raise ValueError('attempt to assign array of size %d to extended slice '
                                     'of size %d' % (len(items), size))
            self._items[i] = list(items)
            return
        n = self._index(i, 'array assignment index out of range')
        self._items[n] = _array.item(self._typecode, value)

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._items[i]
            return
        del self._items[self._index(i, 'array assignment index out of range')]

    def _compare(self, other, op):
        if not isinstance(other, array):
            return NotImplemented
        x, y = self._items, other._items
        if len(x) != len(y) and op in ('==', '!='):
            return op == '!='
        # Item by item with ==, as CPython compares the stored values: a NaN is
        # never equal to itself here (a list takes an item as equal to itself).
        a, b = len(x), len(y)
        for i in range(min(a, b)):
            if not x[i] == y[i]:
                a, b = x[i], y[i]
                break
        if op == '==':
            return a == b
        if op == '!=':
            return a != b
        if op == '<':
            return a < b
        if op == '<=':
            return a <= b
        if op == '>':
            return a > b
        return a >= b

    def __eq__(self, other):
        return self._compare(other, '==')

    def __ne__(self, other):
        return self._compare(other, '!=')

    def __lt__(self, other):
        return self._compare(other, '<')

    def __le__(self, other):
        return self._compare(other, '<=')

    def __gt__(self, other):
        return self._compare(other, '>')

    def __ge__(self, other):
        return self._compare(other, '>=')

    def __add__(self, other):
        return self._same(self._items + self._other(
            other, 'can only append array (not "%s") to array'))

    def __iadd__(self, other):
        self._items.extend(self._other(other, 'can only extend array with array (not "%s")',
                                       'can only extend with array of same kind'))
        return self

    def __mul__(self, n):
        return self._same(self._items * n)

    def __rmul__(self, n):
        return self._same(self._items * n)

    def __imul__(self, n):
        self._items *= n
        return self

    def __repr__(self):
        name = type(self).__name__
        if not self._items:
            return '%s(%r)' % (name, self._typecode)
        if self._typecode == 'u':
            return '%s(%r, %r)' % (name, self._typecode, ''.join(self._items))
        return '%s(%r, %r)' % (name, self._typecode, self._items)

    def __copy__(self):
        return self._same(list(self._items))

    def __deepcopy__(self, memo, /):
        return self._same(list(self._items))

    def append(self, x, /):
        self._items.append(_array.item(self._typecode, x))

    def extend(self, iterable, /):
        if isinstance(iterable, array):
            if iterable._typecode != self._typecode:
                raise TypeError('can only extend with array of same kind')
            self._items.extend(iterable._items)
        else:
            # One at a time, as CPython: the items before a bad one stay.
            for x in iterable:
                self.append(x)

    def insert(self, i, x, /):
        self._items.insert(i, _array.item(self._typecode, x))

    def pop(self, i=-1, /):
        if not isinstance(i, int) and not hasattr(i, '__index__'):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(i).__name__)
        if not self._items:
            raise IndexError('pop from empty array')
        return self._items.pop(self._index(i, 'pop index out of range'))

    def remove(self, x, /):
        i = self._find(x, 0, len(self._items))
        if i < 0:
            raise ValueError('array.remove(x): x not in array')
        del self._items[i]

    def index(self, x, start=0, stop=9223372036854775807, /):
        if start is None or stop is None:
            raise TypeError('slice indices must be integers or have an __index__ method')
        start, stop, _ = slice(start, stop).indices(len(self._items))
        i = self._find(x, start, stop)
        if i < 0:
            raise ValueError('array.index(x): x not in array')
        return i

    def count(self, x, /):
        n = 0
        for y in self._items:
            if y == x:
                n += 1
        return n

    def reverse(self):
        self._items.reverse()

    def byteswap(self):
        if self.itemsize == 1:
            return
        data = self.tobytes()
        k = self.itemsize
        swapped = b''.join(data[i:i + k][::-1] for i in range(0, len(data), k))
        self._items = _array.frombytes(self._typecode, swapped)

    def buffer_info(self):
        return (id(self), len(self._items))

    def tolist(self):
        return list(self._items)

    def fromlist(self, items, /):
        if not isinstance(items, list):
            raise TypeError('arg must be list')
        # All or nothing, as CPython.
        self._items.extend(_checked(self._typecode, items))

    def tobytes(self):
        return _array.tobytes(self._typecode, self._items)

    def __bytes__(self):
        # bytes(a): its machine bytes, as CPython's buffer gives them.
        return self.tobytes()

    def frombytes(self, data, /):
        if isinstance(data, array):
            data = data.tobytes()
        if not isinstance(data, bytes):
            raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)
        if len(data) % self.itemsize:
            raise ValueError('bytes length not a multiple of item size')
        self._items.extend(_array.frombytes(self._typecode, data))

    def fromunicode(self, s, /):
        if not isinstance(s, str):
            raise TypeError('fromunicode() argument must be str, not %s' % type(s).__name__)
        if self._typecode != 'u':
            raise ValueError('fromunicode() may only be called on unicode type arrays')
        self._items.extend(s)

    def tofile(self, f, /):
        f.write(self.tobytes())

    def fromfile(self, f, n, /):
        if not isinstance(n, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(n).__name__)
        if n < 0:
            raise ValueError('negative count')
        want = n * self.itemsize
        data = f.read(want)
        if not isinstance(data, bytes):
            raise TypeError("read() didn't return bytes")
        self.frombytes(data)
        if len(data) != want:
            raise EOFError("read() didn't return enough bytes")

    def tounicode(self):
        if self._typecode != 'u':
            raise ValueError('tounicode() may only be called on unicode type arrays')
        return ''.join(self._items)


ArrayType = array
