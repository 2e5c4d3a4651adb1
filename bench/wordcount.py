# Word count of a 20 MB text file: open, split and collections.Counter.
# Generates the file deterministically (a linear congruential generator) on first run.
import os
import tempfile
from collections import Counter

WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa',
         'lambda', 'mu', 'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon',
         'phi', 'chi', 'psi', 'omega', 'spindle', 'thread', 'process', 'queue', 'lock', 'pool']
SIZE = 20 * 1000 * 1000
path = os.path.join(tempfile.gettempdir(), 'spindle_wordcount_20mb.txt')

if not os.path.exists(path) or os.path.getsize(path) < SIZE:
    state = 12345
    lines = []
    total = 0
    with open(path, 'w') as f:
        while total < SIZE:
            words = []
            for _ in range(12):
                state = (state * 1103515245 + 12345) % 2147483648
                w = WORDS[(state >> 8) % 30]
                if state % 7 == 0:
                    w = w + str(state % 100)
                words += [w]
            line = ' '.join(words) + '\n'
            f.write(line)
            total += len(line)

with open(path) as f:
    counts = Counter(f.read().split())
top = counts.most_common(10)
print(sum(counts.values()), len(counts))
for word, n in top:
    print(word, n)
