import time
t0 = time.time(); p0 = time.perf_counter(); m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.009, time.monotonic() >= m0)
print(isinstance(time.time(), float))
g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_wday, g.tm_yday)
g2 = time.gmtime(1700000000)
print(g2, g2[0], len(g2))
print(time.strftime('%Y-%m-%d %H:%M:%S', g2), time.strftime('%a %b %d %j', g2))
lt = time.localtime()
print(type(lt).__name__, 1 <= lt.tm_mon <= 12)
print(len(time.ctime()), time.strftime('%Y') == str(time.localtime().tm_year))
try:
    time.sleep(-1)
except ValueError as e:
    print(e)
