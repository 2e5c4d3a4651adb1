# The original waits forever, in CPython too: the parent and (through fork) the receiver still hold
# child_conn open, so parent_conn never reaches end-of-file; here the parent closes its copies in time.
import multiprocessing
import time

def sender(conn):
    for i in range(5):
        print(f"发送者: 发送了数据 {i}")
        conn.send(i)  # 发送数据
        time.sleep(0.5)
    conn.close()  # 关闭连接

def receiver(conn):
    while True:
        try:
            data = conn.recv()  # 接收数据
            print(f"接收者: 接收了数据 {data}")
            time.sleep(1)
        except EOFError:
            print("接收者: 管道已关闭")
            break

# 创建管道，返回两个连接对象
parent_conn, child_conn = multiprocessing.Pipe()

# 创建发送者和接收者进程
sender_process = multiprocessing.Process(target=sender, args=(child_conn,))
receiver_process = multiprocessing.Process(target=receiver, args=(parent_conn,))

# 启动进程
sender_process.start()
child_conn.close()  # 发送者已有自己的副本；之后 fork 的接收者不能再持有它
receiver_process.start()
parent_conn.close()

# 等待进程结束
sender_process.join()
receiver_process.join()

print("所有进程执行完毕")
