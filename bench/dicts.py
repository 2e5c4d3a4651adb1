# Dict inserts, lookups and updates with str and int keys.
d = {}
for i in range(200000):
    d["k" + str(i % 5000)] = d.get("k" + str(i % 5000), 0) + i
counts = {}
for i in range(300000):
    k = i % 1000
    if k in counts:
        counts[k] += 1
    else:
        counts[k] = 1
print(len(d), sum(d.values()) % 1000003, len(counts), counts[7])
