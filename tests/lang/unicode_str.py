# Unicode strings: length, indexing, slicing, iteration, comparison.
s = "你好，世界"
print(s, len(s), s[0], s[-1], s[1:3], s[::-1], s[::2])
for ch in s:
    print(ch, ord(ch), end=" ")
print()
print(chr(20013), chr(25991), chr(0x1F600), len(chr(0x1F600)))
t = "Hello, 世界! ñ é ü"
print(len(t), t[7], t[7:9], t[-5:], t * 2)
print("世" in t, "界!" in t, "x" in t, t.__class__.__name__)
print("中" < "文", "a" < "中", sorted("中文字母"), max("abc中"), min("中abc"))
mixed = "a中b文c"
print([mixed[i] for i in range(len(mixed))])
print(list(enumerate("汉字")))
print("中文" + "字符", "字" * 3, "=" * 10)
print(str(123) + "号", len("🎉🎉"), "🎉"[0])
print(repr("中\n文"), ascii("中文"), ascii("é"))
print(s[100:], s[-100:2], s[2:2], s[4:1])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError:", e)
print(hash("中文") == hash("中" + "文"), "中文" == "中" + "文")
total = 0
for c in "数字１２３":
    total += ord(c)
print(total)
print(f"{s!r:>12}|{s:<7}|")
print(str(b"abc", "ascii") if False else "skip", len("ß"), "ß"[0])
