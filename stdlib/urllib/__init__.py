# urllib: the package; its modules are urllib.request, urllib.error and urllib.parse.
