# The original waits forever, in CPython too: `queue` is a plain list, so each child changes its own
# copy; the producer fills its copy to 5 and waits for a consumer that never sees an item. Share it.
import multiprocessing
import time

# 创建条件变量对象
condition = multiprocessing.Condition()
manager = multiprocessing.Manager()
queue = manager.list()  # 所有进程共享的列表
MAX_QUEUE_SIZE = 5

def producer():
    for i in range(10):
        with condition:
            # 等待队列不满
            while len(queue) >= MAX_QUEUE_SIZE:
                print(f"生产者: 队列已满，等待消费者消费")
                condition.wait()
            # 生产数据
            queue.append(i)
            print(f"生产者: 生产了数据 {i}，当前队列: {queue}")
            # 通知消费者
            condition.notify_all()
        time.sleep(0.5)

def consumer():
    for _ in range(10):
        with condition:
            # 等待队列不为空
            while len(queue) == 0:
                print(f"消费者: 队列已空，等待生产者生产")
                condition.wait()
            # 消费数据
            data = queue.pop(0)
            print(f"消费者: 消费了数据 {data}，当前队列: {queue}")
            # 通知生产者
            condition.notify_all()
        time.sleep(1)

# 创建进程
producer_process = multiprocessing.Process(target=producer)
consumer_process = multiprocessing.Process(target=consumer)

# 启动进程
producer_process.start()
consumer_process.start()

# 等待进程结束
producer_process.join()
consumer_process.join()

print("所有进程执行完毕")
