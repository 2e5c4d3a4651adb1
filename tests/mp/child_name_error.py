# A child's traceback and a pool worker's remote traceback are written as CPython's
# traceback module writes them: with no "Did you mean" (in 3.11 only the report of
# an exception that ends the main program suggests a name).
import multiprocessing


def work(number):
    return numbr * 2


if __name__ == '__main__':
    with multiprocessing.Pool(1) as pool:
        try:
            pool.map(work, [1])
        except NameError as e:
            print('pool:', e)
            print('remote:', e.__cause__.tb.strip().splitlines()[-2])
    p = multiprocessing.Process(target=work, args=(1,))
    p.start()
    p.join()
    print('exit code', p.exitcode)
