import random
for seed in (1, 12345):
    random.seed(seed)
    print([random.random() for _ in range(20)])
    print([random.randint(1, 100) for _ in range(20)])
    print([random.randrange(0, 50, 5) for _ in range(20)])
    print([random.choice('abcdefg') for _ in range(20)])
    print(random.choices(range(10), k=20))
    print(random.choices('abc', weights=[1, 2, 3], k=20))
    xs = list(range(20)); random.shuffle(xs); print(xs)
    print(random.sample(range(100), 20))
    print([random.uniform(1, 5) for _ in range(20)])
    print([random.gauss(0, 1) for _ in range(20)])
    print([random.getrandbits(70) for _ in range(20)])
    r = random.Random(seed)
    print([r.random() for _ in range(20)])
    print([r.randint(-5, 5) for _ in range(20)])
    print(r.sample('abcdefghijklmnopqrstuvwxyz', 20))
try:
    random.choice([])
except IndexError as e:
    print('IndexError', e)
