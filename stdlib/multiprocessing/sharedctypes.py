# multiprocessing.sharedctypes: shared values and arrays, the objects that
# multiprocessing.Value and friends make.

from multiprocessing import Array, RawArray, RawValue, Value
