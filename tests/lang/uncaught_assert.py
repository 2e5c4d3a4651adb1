# A bare assert failing at module level.
values = [3, 1, 2]
assert len(values) == 3
assert sorted(values) == values
