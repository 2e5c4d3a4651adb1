# split() and rsplit() with no separator: every kind of Python whitespace, ASCII and not.
for t in ["  a b\tc\n\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x1fj  ", "", "   ", "x", "héllo wörld\u2003z\u00a0q", "a\x85b c"]:
    print(t.split(), t.split(None, 1), t.rsplit())
