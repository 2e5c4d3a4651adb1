# 练习3：生产者-消费者模型
# 生产者生成随机数放入任务队列；消费者取出后计算平方，放入结果队列。
# 生产者最后放入一个结束信号（None），消费者收到后退出。
#
# 输出顺序是确定的：
#   - 只有生产者在生产过程中打印，消费者只在收到结束信号后打印一行，
#     而结束信号是在生产者打印完最后一行之后才放入队列的；
#   - 主进程先把结果全部取回，等两个进程都结束后才打印结果。
import multiprocessing
import random

COUNT = 8          # 生产多少个随机数
SENTINEL = None    # 结束信号


def producer(tasks, seed):
    rng = random.Random(seed)  # 固定种子，每次运行生成同样的随机数
    for i in range(COUNT):
        number = rng.randint(1, 100)
        print(f"生产者: 第 {i + 1} 个随机数是 {number}")
        tasks.put(number)
    print("生产者: 生产完毕，发送结束信号")
    tasks.put(SENTINEL)


def consumer(tasks, results):
    handled = 0
    while True:
        number = tasks.get()
        if number is SENTINEL:
            break
        results.put((number, number * number))
        handled += 1
    print(f"消费者: 收到结束信号，共处理了 {handled} 个数")


if __name__ == "__main__":
    tasks = multiprocessing.Queue()
    results = multiprocessing.Queue()

    p = multiprocessing.Process(target=producer, args=(tasks, 42))
    c = multiprocessing.Process(target=consumer, args=(tasks, results))
    p.start()
    c.start()

    # 先取回全部结果再 join：子进程放进队列的数据没被取走时，join 可能一直等下去
    squares = [results.get() for _ in range(COUNT)]

    p.join()
    c.join()

    for number, square in squares:
        print(f"{number} 的平方是 {square}")
    print(f"平方和: {sum(square for _, square in squares)}")
    print("生产者退出码:", p.exitcode, "消费者退出码:", c.exitcode)
