print('loading helper as', __name__)
CONSTANT = 42
_private = 1
def greet(name):
    return 'hello ' + name
def shout(s):
    return s + '!'
