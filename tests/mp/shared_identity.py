# A shared object made after a process started cannot reach it, even where the
# receiver has another object of its own mapped at the same address: the receiver
# never gets its own object (nor one of another type) in place of the sender's.
import multiprocessing as mp


def child(q, make):
    q.put('the child runs')   # arrives: the test does not pass by a child that fails
    try:
        q.put(make())
    except Exception as e:
        print('child could not send:', type(e).__name__)


def receive(make, mine):
    q = mp.Queue()
    p = mp.Process(target=child, args=(q, make))
    p.start()
    theirs = [mine() for _ in range(3)]
    print(q.get(timeout=10))
    try:
        got = q.get(timeout=3)
        print('received one of mine:', any(got is t for t in theirs))
    except Exception:
        print('not received')
    p.join()



if __name__ == '__main__':
    receive(lambda: mp.Value('i', 111), lambda: mp.Value('i', 5))
    receive(mp.Lock, mp.Event)
    receive(mp.Semaphore, mp.Lock)
    receive(lambda: mp.Array('i', 3), lambda: mp.Array('i', 3))
