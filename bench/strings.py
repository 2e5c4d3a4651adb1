# Building, slicing, searching and joining strings (Chinese included).
parts = []
for i in range(100000):
    s = "项目" + str(i) + "-item"
    if s.endswith("7-item"):
        parts.append(s[2:].upper())
text = ",".join(parts)
print(len(text), text.count("7"), text.find("99997"))
words = ("alpha beta gamma delta 中文 " * 20000).split()
print(len(words), sum(len(w) for w in words))
