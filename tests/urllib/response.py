# urlopen against the test's loopback server: argv[1] is its base URL (no slash at the end).
import sys
import urllib.request

base = sys.argv[1]

with urllib.request.urlopen(base + "/data.txt", timeout=5) as r:
    print(r.status, r.getcode(), r.reason, r.geturl() == base + "/data.txt")
    print(r.read(5), r.read(), r.read())
    print(r.headers["content-type"], r.headers["CONTENT-LENGTH"], r.headers["X-Test"])
    print(r.headers.get("X-Missing"), r.headers.get("X-Missing", "default"), r.headers["X-Missing"])
    print("X-Test" in r.headers, "x-nope" in r.headers)
    print([name for name, value in r.headers.items() if name != "Date"])
    print(r.getheader("x-test"), r.headers.get_content_type(), r.headers.get_content_charset())
    print(r.closed)
print(r.closed, r.read())

r = urllib.request.urlopen(base + "/", timeout=5)
print(r.status, r.readline(), r.readline(), r.readline())
r.close()

# A redirect is followed; geturl() gives where it ended.
r = urllib.request.urlopen(base + "/redirect", timeout=5)
print(r.status, r.geturl() == base + "/a.html", r.read())

# data= makes a POST.
req = urllib.request.Request(base + "/echo", data=b"x=1&y=2", headers={"X-Custom": "hi"})
print(req.get_method(), req.get_full_url() == base + "/echo")
with urllib.request.urlopen(req, timeout=5) as r:
    print(r.read().decode())
