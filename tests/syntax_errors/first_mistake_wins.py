# The first mistake in the file is reported, as CPython does, even when a later
# line has a mistake of another kind.
1 = x
if x
    pass
