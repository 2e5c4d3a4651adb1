# 练习1：多进程计算素数
# 使用进程池把一个范围切成若干段，每个进程统计自己那一段里的素数个数，最后汇总。
import multiprocessing
import math


def is_prime(n):
    """判断 n 是否为素数（试除法，只试到平方根）。"""
    if n < 2:
        return False
    if n < 4:
        return True
    if n % 2 == 0:
        return False
    for d in range(3, math.isqrt(n) + 1, 2):
        if n % d == 0:
            return False
    return True


def count_primes(bounds):
    """统计区间 [start, end) 内的素数个数。"""
    start, end = bounds
    count = 0
    for n in range(start, end):
        if is_prime(n):
            count += 1
    return count


def split_range(start, end, parts):
    """把 [start, end) 切成 parts 段，返回 (段起点, 段终点) 的列表。"""
    size = (end - start + parts - 1) // parts
    return [(s, min(s + size, end)) for s in range(start, end, size)]


if __name__ == "__main__":
    start, end = 1, 50000
    chunks = split_range(start, end + 1, 8)

    # 创建进程池，map 按任务顺序返回结果，所以输出是确定的
    with multiprocessing.Pool(processes=4) as pool:
        counts = pool.map(count_primes, chunks)

    for (lo, hi), count in zip(chunks, counts):
        print(f"区间 [{lo}, {hi - 1}] 中有 {count} 个素数")

    total = sum(counts)
    print(f"{start} 到 {end} 之间共有 {total} 个素数")

    # 用几个已知的数检查 is_prime 是否正确
    print("前 10 个素数:", [n for n in range(30) if is_prime(n)])
