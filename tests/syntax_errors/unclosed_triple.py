x = 1
s = """hello
world

print(s)
