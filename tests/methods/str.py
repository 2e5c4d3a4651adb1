# str methods: behaviour and error messages, with ASCII and Chinese text.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


s = "  Hello, World!  "
zh = "  你好，世界！ 欢迎  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr(zh.strip()), repr(zh.lstrip()), repr(zh.rstrip()))
print(repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")), repr("www.example.com".lstrip("cmowz.")))
print(repr("你好你".strip("你")), repr("\t\n\x0b\x0c\r\x1c\u3000 a \u00a0".strip()))
print(repr("abc".strip(None)), repr("".strip()), repr("   ".strip()))
attempt("strip(1)", lambda: "a".strip(1))
attempt("strip(None,1)", lambda: "a".strip(None, 1))
attempt("rstrip([])", lambda: "a".rstrip([]))

# split / rsplit
print("a b  c\td\ne".split())
print("  a b  c  ".split(None, 1), "  a b  c  ".rsplit(None, 1))
print("  a b  c  ".split(maxsplit=0), "  a b  c  ".rsplit(maxsplit=0))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("a,b,,c".split(",", maxsplit=2), "a,b,,c".rsplit(sep=",", maxsplit=2))
print("".split(), "".split(","), ",".split(","), "abc".split("abc"))
print("一，二，三".split("，"), "春 夏　秋 冬".split(), "一二三二一".rsplit("二", 1))
print("a<>b<>c".split("<>"), "a<>b<>c".rsplit("<>", -1))
attempt("split('')", lambda: "a".split(""))
attempt("split(1)", lambda: "x".split(1))
attempt("split(x=1)", lambda: "x".split(x=1))
attempt("split(maxsplit='a')", lambda: "x".split(maxsplit="a"))
attempt("split too many", lambda: "a".split(",", 1, 2))
attempt("rsplit('')", lambda: "a".rsplit(""))

# splitlines
t = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\u2028eight\n\nlast"
print(t.splitlines())
print(t.splitlines(True))
print("a\n".splitlines(), "a\n".splitlines(keepends=True), "".splitlines(), "\n".splitlines())
print("第一行\n第二行\r\n".splitlines())
attempt("splitlines(1,2)", lambda: "a".splitlines(1, 2))

# join
print("-".join(["a", "b", "c"]), ", ".join(("x",)), "".join([]), "、".join("甲乙丙"))
print("+".join(str(i) for i in range(5)), "|".join({"k": 1, "j": 2}))
attempt("join([1])", lambda: "a".join([1]))
attempt("join(['a', None])", lambda: "%s".join(["a", None]))
attempt("join(5)", lambda: "a".join(5))
attempt("join()", lambda: "a".join())

# replace
print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "aaaa".replace("a", "b", 0), "aaaa".replace("a", "b", -1))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"))
print("你好世界".replace("世界", "Python"), "banana".replace("an", "AN"))
attempt("replace('a')", lambda: "a".replace("a"))
attempt("replace(1,'b')", lambda: "a".replace(1, "b"))
attempt("replace('a',2)", lambda: "a".replace("a", 2))
attempt("replace count kw", lambda: "a".replace("a", "b", count=1))
attempt("replace('a','b','c')", lambda: "a".replace("a", "b", "c"))

# find / rfind / index / rindex / count
h = "hello world, hello 世界, 你好世界"
print(h.find("o"), h.rfind("o"), h.find("世界"), h.rfind("世界"), h.find("xyz"))
print(h.find("o", 5), h.find("o", 5, 7), h.find("o", -5), h.rfind("l", 0, 5), h.find("界", 20, -1))
print(h.index("world"), h.rindex("hello"), h.index("你好"), h.count("l"), h.count("世界"), h.count("l", 3, 10))
print("abc".find(""), "abc".find("", 3), "abc".find("", 4), "abc".rfind(""), "abc".rfind("", 1, 2))
print("abc".count(""), "abc".count("", 1), "abc".count("", 4), "aaaa".count("aa"), "中中中".count("中"))
print("abc".find("c", None, None), "abc".find("b", True), "abcabc".find("c", -100, 100))
attempt("index missing", lambda: "a".index("b"))
attempt("rindex missing", lambda: "a".rindex("b"))
attempt("index window", lambda: "x".index("a", 0, 1))
attempt("find()", lambda: "a".find())
attempt("find(1)", lambda: "a".find(1))
attempt("find('a','b')", lambda: "a".find("a", "b"))
attempt("count()", lambda: "a".count())
attempt("count('a','b')", lambda: "a".count("a", "b"))
attempt("find 4 args", lambda: "a".find("a", 1, 2, 3))

# startswith / endswith
f = "文件名.txt"
print(f.endswith(".txt"), f.endswith((".py", ".txt")), f.startswith("文件"), f.startswith("名", 2), f.startswith("名", 1))
print("hello".startswith(("x", "he")), "hello".endswith("lo", 0, 5), "hello".endswith("ll", 0, 4), "hello".startswith(()))
print("abc".startswith(""), "abc".startswith("", 3), "abc".startswith("", 4), "abc".endswith("", 2, 1))
attempt("startswith(1)", lambda: "a".startswith(1))
attempt("startswith((1,))", lambda: "a".startswith(("a", 1)))
attempt("endswith([])", lambda: "a".endswith(["a"]))
attempt("startswith()", lambda: "a".startswith())
attempt("endswith('a','b')", lambda: "a".endswith("a", "b"))

# case
w = "hello wORLD, it's 3rd ǅ straße"
print(w.upper(), "|", w.lower(), "|", w.title(), "|", w.capitalize(), "|", w.swapcase(), "|", w.casefold())
print("ß".upper(), "ΣΑΣ".lower(), "i̇".upper(), "ﬁ".upper(), "中文abc".upper(), "They're bill's".title())
print("hello_world foo-bar 3abc".title(), "ABC DEF".capitalize(), "".title(), "123".upper())
attempt("upper(1)", lambda: "a".upper(1))
attempt("lower(x=1)", lambda: "a".lower(x=1))
attempt("title(1)", lambda: "a".title(1))
attempt("casefold(1)", lambda: "a".casefold(1))

# padding
print(repr("ab".center(7)), repr("ab".center(8, "*")), repr("abc".center(8, "-")), repr("abc".center(2)))
print(repr("中文".center(6, "。")), repr("ab".ljust(5, ".")), repr("ab".rjust(5)), repr("ab".ljust(-1)))
print(repr("42".zfill(5)), repr("-42".zfill(5)), repr("+4".zfill(4)), repr("abc".zfill(2)), repr("".zfill(3)), repr("-".zfill(3)))
for n in range(1, 8):
    print(repr("x".center(n, "_")), repr("xy".center(n, "_")), end=" ")
print()
attempt("center()", lambda: "a".center())
attempt("center(5,'ab')", lambda: "a".center(5, "ab"))
attempt("center('5')", lambda: "a".center("5"))
attempt("ljust(2, 1)", lambda: "a".ljust(2, 1))
attempt("rjust(3, '')", lambda: "x".rjust(3, ""))
attempt("zfill('a')", lambda: "a".zfill("a"))
attempt("zfill()", lambda: "a".zfill())

# partition
print("key=value=x".partition("="), "key=value=x".rpartition("="), "abc".partition("x"), "abc".rpartition("x"))
print("姓名：张三".partition("："))
attempt("partition('')", lambda: "a".partition(""))
attempt("partition(1)", lambda: "a".partition(1))
attempt("rpartition()", lambda: "a".rpartition())

# predicates
samples = ["123", "١٢٣", "²", "½", "一二三", "〇", "abc", "中文", "abc123", "a b", " \t\n", "", "ABC", "Abc", "aBC",
           "Hello World", "Hello world", "_name1", "1name", "名字", "class", "ascii", "é", "tab\t", "ＡＢＣ", "Ⅻ", "①"]
for x in samples:
    print(repr(x), x.isdigit(), x.isdecimal(), x.isnumeric(), x.isalpha(), x.isalnum(), x.isspace(),
          x.isupper(), x.islower(), x.istitle(), x.isidentifier(), x.isascii(), x.isprintable())
attempt("isdigit(1)", lambda: "a".isdigit(1))

# expandtabs
print(repr("a\tbc\tdef\tg".expandtabs()), repr("a\tb".expandtabs(4)), repr("ab\ncd\te".expandtabs(tabsize=3)), repr("\t".expandtabs(0)))
print(repr("中\t文".expandtabs(4)))
attempt("expandtabs('a')", lambda: "a".expandtabs("a"))

# encode
print("héllo 你好".encode(), "abc".encode("ascii"), "café".encode("latin-1"), "abc".encode(encoding="utf8"))
print("héllo".encode("ascii", "ignore"), "héllo".encode("ascii", "replace"), "a".encode("UTF-8"))
attempt("encode ascii", lambda: "héllo".encode("ascii"))
attempt("encode ascii cjk", lambda: "ab中".encode("ascii"))
attempt("encode(1)", lambda: "a".encode(1))
attempt("encode unknown", lambda: "a".encode("klingon"))

# removeprefix / removesuffix
print("unittest".removeprefix("unit"), "unittest".removesuffix("test"), "abc".removeprefix("x"), "abc".removesuffix(""), "前缀内容".removeprefix("前缀"))
attempt("removeprefix(1)", lambda: "a".removeprefix(1))
attempt("removesuffix()", lambda: "a".removesuffix())

# maketrans / translate
tbl = str.maketrans("abc", "xyz", "d")
print(sorted(tbl.items()))
print("abcdabcd".translate(tbl), "hello".translate({ord("l"): None, ord("h"): "J"}), "你好".translate({ord("你"): "您"}))
print(str.maketrans({"a": "1", 98: None}), "abc".translate(str.maketrans({"a": "1", 98: None})))
print("abc".translate([None, "x"] * 50), "".maketrans("a", "b"))
attempt("maketrans unequal", lambda: str.maketrans("ab", "c"))
attempt("maketrans(1)", lambda: str.maketrans(1))
attempt("maketrans key", lambda: str.maketrans({"ab": 1}))
attempt("translate(5)", lambda: "abc".translate(5))
attempt("translate bad", lambda: "abc".translate({97: 1.5}))

# unbound use
print(str.upper("abc"), list(map(str.strip, [" a ", "b "])), str.join(",", ["x", "y"]))
attempt("str.upper(1)", lambda: str.upper(1))
attempt("str.upper()", lambda: str.upper())
up = "bound".upper
print(up())
