import sys
print(len(sys.argv), sys.argv[0][-10:] == 'sys_mod.py', sys.platform, sys.maxsize)
print(sys.version_info[0], sys.version_info[:2] >= (3, 11), isinstance(sys.version, str))
print(isinstance(sys.path, list), sys.path[0][-6:] == 'stdlib')
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
n = sys.stdout.write('written\n')
print(n)
sys.stdout.flush()
print('to stderr', file=sys.stderr)
sys.stderr.write('also stderr\n')
print('sys' in sys.modules, 'json' in sys.modules)
import json
print('json' in sys.modules, sys.modules['json'] is json)
print(isinstance(sys.executable, str))
try:
    try:
        sys.exit(3)
    finally:
        print('finally ran')
except SystemExit as e:
    print('SystemExit', e.code if hasattr(e, 'code') else e.args[0])
try:
    sys.exit('bye')
except SystemExit as e:
    print(e)
line = sys.stdin.readline()
print(repr(line))
print(repr(input()))
sys.exit(0)
