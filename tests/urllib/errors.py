# urlopen's errors: argv[1] is the test server's base URL, argv[2] a URL nobody listens on.
import sys
import urllib.error
import urllib.request

base, dead = sys.argv[1], sys.argv[2]

try:
    urllib.request.urlopen(base + "/missing", timeout=5)
except urllib.error.HTTPError as e:
    print(type(e).__name__, e)
    print(repr(e), e.code, e.reason, e.status, e.getcode())
    print(isinstance(e, urllib.error.URLError), isinstance(e, OSError))
    print(e.headers["Content-Type"], e.read(), e.geturl() == base + "/missing")

try:
    urllib.request.urlopen(base + "/missing", timeout=5)
except urllib.error.URLError as e:
    print("caught as URLError:", e.reason)

try:
    urllib.request.urlopen(dead, timeout=5)
except urllib.error.HTTPError:
    print("wrong: HTTPError")
except urllib.error.URLError as e:
    print(type(e).__name__, e)
    print(type(e.reason).__name__, e.reason.errno, e.reason.strerror)

# The server waits longer than the timeout before it answers.
try:
    urllib.request.urlopen(base + "/slow", timeout=0.3)
except urllib.error.URLError as e:
    print("URLError", e)
except TimeoutError as e:
    print("TimeoutError", e)

try:
    urllib.request.urlopen("no-scheme.example/page")
except ValueError as e:
    print("ValueError", e)

e = urllib.error.URLError("a reason")
print(e, e.reason, e.args, isinstance(e, OSError))
