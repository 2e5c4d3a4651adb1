# A string inside an f-string field that never closes.
name = 'x'
print(f"hello {name + '!}")
