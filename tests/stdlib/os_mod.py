import os, os.path, tempfile, shutil
print(isinstance(os.getpid(), int), isinstance(os.getppid(), int), os.cpu_count() >= 1)
print(os.sep, repr(os.linesep), os.name, os.path.isdir(os.getcwd()))
d = tempfile.mkdtemp()
print(os.path.isabs(d), os.path.isdir(d), os.path.dirname(d) == tempfile.gettempdir())
os.makedirs(os.path.join(d, 'a', 'b'))
os.makedirs(os.path.join(d, 'a', 'b'), exist_ok=True)
try:
    os.makedirs(os.path.join(d, 'a'))
except FileExistsError as e:
    print('FileExistsError', e.errno)
os.mkdir(os.path.join(d, 'c'))
p = os.path.join(d, 'f.txt')
with open(p, 'w') as f:
    f.write('12345')
print(sorted(os.listdir(d)), os.path.getsize(p), os.path.isfile(p), os.path.exists(p))
os.remove(p)
os.rmdir(os.path.join(d, 'c'))
print(sorted(os.listdir(d)), os.path.exists(p))
try:
    os.unlink(p)
except FileNotFoundError as e:
    print(str(e) == "[Errno 2] No such file or directory: '" + p + "'")
shutil.rmtree(d)
print(os.path.exists(d))
print(os.path.join('a', 'b', 'c.txt'), os.path.join('/x', '/y'), os.path.join('a/', 'b'))
print(os.path.basename('/a/b.txt'), os.path.dirname('/a/b.txt'), os.path.split('/a/b'), os.path.split('b'))
print(os.path.splitext('x/y.tar.gz'), os.path.splitext('.bashrc'), os.path.splitext('noext'))
print(os.path.abspath('/a/./b/../c'), os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))
os.environ['SPINDLE_T'] = '1'
print(os.getenv('HOME') is not None, os.getenv('NO_SUCH_VAR_X'), os.getenv('NO_SUCH_VAR_X', 'dflt'), 'SPINDLE_T' in os.environ)
