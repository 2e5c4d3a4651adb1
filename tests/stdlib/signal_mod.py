# The signal module: its enums, handlers run at the next check, PEP 475's resumed
# sleep, pause, alarms and timers, the signal mask, and CPython's errors.
import signal, os, time
print(str(signal.SIGINT), repr(signal.SIGINT), f'{signal.SIGINT}', '%s %d' % (signal.SIGINT, signal.SIGINT), signal.SIGINT.name, signal.SIGINT.value)
print(signal.SIG_DFL, repr(signal.SIG_IGN), signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), signal.default_int_handler)
print(signal.Signals(15), repr(signal.Signals(15)), signal.Signals.SIGTERM is signal.SIGTERM, repr(signal.SIGIOT), repr(signal.SIGCLD))
print(signal.strsignal(2), signal.strsignal(15), signal.NSIG, len(signal.valid_signals()))
print(sorted(signal.valid_signals())[:5])
print(signal.getsignal(signal.SIGPIPE), signal.getsignal(signal.SIGCHLD))
for a in [(99, 5), (9, 5), (9, print), (0, print), (-1, print), (2.0, print), ('x', print), (signal.SIGUSR1, 0.0), (signal.SIGUSR1, True)]:
    try: print(a, signal.signal(*a))
    except Exception as e: print(a, type(e).__name__, e)
print(signal.getsignal(signal.SIGUSR1))
for a in [99, 0, 'x']:
    try: print(signal.getsignal(a))
    except Exception as e: print(type(e).__name__, e)
print(signal.alarm(5), signal.alarm(0))
try: signal.alarm(1.5)
except Exception as e: print(type(e).__name__, e)
def h(s, f): print('got', s, type(s).__name__)
signal.signal(signal.SIGUSR1, h)
os.kill(os.getpid(), signal.SIGUSR1); print('after kill')
signal.raise_signal(signal.SIGUSR1); print('after raise')
signal.signal(signal.SIGALRM, h)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t = time.monotonic(); time.sleep(0.2); print('slept the whole time', time.monotonic() - t >= 0.19)
print(signal.getitimer(signal.ITIMER_REAL))
try: signal.setitimer(5, 1)
except Exception as e: print(type(e).__name__, e)
try: signal.setitimer(signal.ITIMER_REAL, -1)
except Exception as e: print(type(e).__name__, e)
signal.setitimer(signal.ITIMER_REAL, 0.2, 0.2); signal.pause(); signal.setitimer(signal.ITIMER_REAL, 0); print('paused')
try: signal.pthread_sigmask(signal.SIG_BLOCK, [99])
except Exception as e: print(type(e).__name__, e)
try: signal.pthread_sigmask(7, [2])
except Exception as e: print(type(e).__name__, e)
print(signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1]))
os.kill(os.getpid(), signal.SIGUSR1)
print('blocked', signal.sigpending())
print(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1]))
print(signal.sigpending())
try: signal.default_int_handler()
except BaseException as e: print(type(e).__name__, e)
try: signal.default_int_handler(1,2)
except BaseException as e: print(type(e).__name__, e)
try: signal.Signals(99)
except Exception as e: print(type(e).__name__, e)
def boom(s, f): raise RuntimeError('from handler %d' % s)
signal.signal(signal.SIGUSR2, boom)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    for i in range(10): pass
except RuntimeError as e: print('caught', e)
print(signal.signal(signal.SIGINT, signal.SIG_IGN), signal.getsignal(signal.SIGINT))
os.kill(os.getpid(), signal.SIGINT); print('ignored SIGINT')
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT); print('not here')
except KeyboardInterrupt: print('KeyboardInterrupt')

# Timer values as CPython reads them: nanoseconds rounded up to the microsecond, and
# its errors for NaN, infinities and overflows.
for v in [float('inf'), 1e10, 1e30, 2**63, 2**70, -1e-9, -1.0, 1.0000004, 0.0000014, '1',
          None, 10**10, float('nan')]:
    try:
        signal.setitimer(signal.ITIMER_REAL, 100, v)
        print(repr(v), signal.getitimer(signal.ITIMER_REAL)[1])
    except Exception as e:
        print(repr(v), type(e).__name__, e)
    signal.setitimer(signal.ITIMER_REAL, 0)
try:
    signal.getitimer(99)
except signal.ItimerError as e:
    print(type(e).__name__, type(e).__module__, e, isinstance(e, OSError), e.errno)
print(signal.raise_signal(0))
try:
    signal.raise_signal(65)
except OSError as e:
    print(type(e).__name__, e)
try:
    signal.pthread_sigmask(signal.SIG_BLOCK, [2**40])
except ValueError as e:
    print(type(e).__name__, e)
try:
    signal.setitimer(which=0, seconds=0)
except TypeError as e:
    print(type(e).__name__, e)
print(signal.getsignal(signal.SIGXFSZ), signal.getsignal(signal.SIGSEGV))
import signal, os, time
signal.signal(signal.SIGUSR1, lambda s, f: print("handled"))
print(signal.siginterrupt(signal.SIGUSR1, False))
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.siginterrupt(signal.SIGUSR1, True))
try: signal.siginterrupt(0, 1)
except ValueError as e: print(e)
