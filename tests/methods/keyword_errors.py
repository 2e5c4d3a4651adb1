# A misspelt keyword to a built-in is refused, worded as CPython's C functions word it
# (and as its Python-level ones where CPython writes them in Python).
def show(what, f):
    try:
        print(what, f())
    except Exception as e:
        print(what, type(e).__name__, e)
import json
show('sorted', lambda: sorted([3, 1], revers=True))
show('split', lambda: 'a b'.split(sepp=' '))
show('sort', lambda: [2, 1].sort(revers=True))
show('dict.get', lambda: {}.get(1, default=2))
show('round', lambda: round(1.25, ndigit=1))
show('max', lambda: max([1], defualt=0))
show('int', lambda: int('11', bas=2))
show('range', lambda: range(stop=3))
show('enumerate', lambda: list(enumerate('ab', strt=1)))
show('join', lambda: ','.join(['a'], x=1))
show('replace', lambda: 'aa'.replace('a', 'b', cnt=1))
show('str.format', lambda: '{}'.format(1, x=2))
show('list.index', lambda: [1].index(1, strt=0))
show('zip', lambda: list(zip([1], [2], strct=True)))
show('len', lambda: len([1], x=1))
show('min key', lambda: min([3, 1], keyy=abs))
show('print', lambda: print('x', ennd='!'))
show('open', lambda: open('/dev/null', mod='r'))
show('str.encode', lambda: 'a'.encode(encodng='utf-8'))
show('list.pop', lambda: [1].pop(indx=0))
show('dict.pop', lambda: {1: 2}.pop(1, dflt=3))
show('json.dumps', lambda: json.dumps(1, indnt=2))
