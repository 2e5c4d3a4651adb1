x = 1
name = "Ada
print(name)
