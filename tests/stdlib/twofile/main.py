import helper
import helper as h2
from helper import greet, CONSTANT
from helper import *
print(__name__, helper.__name__, h2 is helper)
print(greet('world'), CONSTANT, shout('x'))
import sys
print('helper' in sys.modules)
