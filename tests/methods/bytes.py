# bytes methods: decode and the methods file and network code reaches for.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


data = "héllo 你好\n".encode()
print(data, data.decode(), data.decode("utf-8"), data.decode(encoding="utf8"), len(data))
print(b"abc".decode("ascii"), b"caf\xe9".decode("latin-1"), b"\xff\xfeA".decode("utf-8", "replace"), b"\xffA".decode("utf-8", "ignore"))
print(b"a\xe4\xbd".decode("utf-8", "replace"), b"x\xe4\xbdy".decode("utf-8", errors="replace"))
print(b"a".decode("utf-8", "bogus"), b"\x00\x7f".decode())
print(b"\x00\xffhi".hex(), b"".hex(), b"\x01\x02\x03".hex(":"), b"\x01\x02\x03\x04\x05".hex("-", 2), b"\x01\x02\x03".hex(" ", -2))
line = b"GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n"
print(line.split(b"\r\n"), line.split(), line.split(None, 1), line.split(b" ", 2))
print(b"  a b  ".split(), b"a,b,,c".split(b","), b"".split(), b"".split(b","), b" a b ".split(maxsplit=1))
print(b"  pad\r\n".strip(), b"  pad\r\n".lstrip(), b"  pad\r\n".rstrip(), b"xxhixx".strip(b"x"), b"ab".strip(None))
print(line.startswith(b"GET"), line.startswith((b"POST", b"GET")), line.endswith(b"\r\n\r\n"), b"abc".startswith(b"b", 1), b"abc".endswith(b"b", 0, 2))
print(b", ".join([b"a", b"b"]), b"".join([]), b"-".join((b"x",)))
print(b"aaaa".replace(b"a", b"b"), b"aaaa".replace(b"a", b"b", 2), b"abc".replace(b"", b"-"), b"abc".replace(b"", b"-", 2))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".find(b"z"), b"hello".find(108), b"hello".index(b"e"), b"hello".find(b"l", 3))
print(b"hello".count(b"l"), b"hello".count(b""), b"hello".count(108), b"aaaa".count(b"aa"), b"Hello".upper(), b"Hello".lower())
attempt("decode bad start", lambda: b"\xff".decode())
attempt("decode bad continuation", lambda: b"a\xe4x".decode())
attempt("decode truncated", lambda: b"ab\xe4\xbd".decode())
attempt("decode truncated 1", lambda: b"ab\xe4".decode())
attempt("decode ascii", lambda: b"ab\xe4".decode("ascii"))
attempt("decode unknown", lambda: b"a".decode("klingon"))
attempt("split('a')", lambda: b"a".split("a"))
attempt("join(['a'])", lambda: b"a".join(["a"]))
attempt("startswith('a')", lambda: b"a".startswith("a"))
attempt("replace('a','b')", lambda: b"a".replace("a", "b"))
attempt("find('a')", lambda: b"a".find("a"))
attempt("count('a')", lambda: b"a".count("a"))
attempt("strip('a')", lambda: b"a".strip("a"))
attempt("index missing", lambda: b"a".index(b"b"))
attempt("split(b'')", lambda: b"a".split(b""))
attempt("upper(1)", lambda: b"a".upper(1))
