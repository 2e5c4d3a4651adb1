import os, tempfile
d = tempfile.mkdtemp()
p = os.path.join(d, 'notes.txt')
with open(p, 'w') as f:
    print(f.write('first line\nsecond line\n'), f.closed, f.mode, f.name == p)
    f.writelines(['third\n', 'fourth 中文\n'])
print(f.closed)
f = open(p)
print(repr(f.readline()), repr(f.read(6)), repr(f.readline()))
print(f.readlines())
print(repr(f.read()))
f.seek(0)
print(f.tell(), repr(f.read()))
f.close()
with open(p) as f:
    for line in f:
        print(repr(line))
with open(p, 'a') as f:
    f.write('appended\n')
with open(p, encoding='utf-8') as f:
    print(len(f.read()), )
with open(p, 'rb') as f:
    data = f.read()
    print(type(data).__name__, len(data), data[:5])
with open(os.path.join(d, 'b.bin'), 'wb') as f:
    print(f.write(bytes([0, 1, 2, 255])))
with open(os.path.join(d, 'b.bin'), 'rb') as f:
    print(f.read(2), f.read())
try:
    open(os.path.join(d, 'missing.txt'))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    f.read()
except ValueError as e:
    print(e)
with open(p, 'w') as f:
    try:
        f.write(5)
    except TypeError as e:
        print(e)
try:
    open('x.txt', 'z')
except ValueError as e:
    print(e)
import shutil
shutil.rmtree(d)
try:
    open('definitely_missing_file.txt')
except OSError as e:
    print(e)
