# urllib.parse basics; needs no server.
from urllib.parse import urljoin, urlparse, urlsplit, urlunparse, quote, quote_plus, unquote, urlencode

base = "http://a/b/c/d;p?q"
for rel in ["g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "..", "../g", "../..", "../../g", ""]:
    print(repr(rel), "->", urljoin(base, rel))
print(urljoin("http://127.0.0.1:8000/docs/index.html", "img/logo.png"))

u = urlparse("http://user:pw@Example.COM:8080/path/page;params?q=1&r=2#frag")
print(u)
print(u.scheme, u.netloc, u.path, u.params, u.query, u.fragment)
print(u.hostname, u.port, u.username, u.password, u.geturl())
print(urlparse("http://127.0.0.1/").port, urlparse("relative/path.html"))
print(urlsplit("https://example.com/a?b#c"))
print(urlunparse(("http", "example.com", "/x", "", "a=1", "")))

print(quote("/path with spaces/文件.html"), quote("a&b=c", safe=""))
print(quote_plus("a b&c"), unquote("%E6%96%87%E4%BB%B6%20x"), unquote("100%"))
print(urlencode({"q": "多进程 python", "page": 2}), urlencode([("a", 1), ("a", 2)]))
