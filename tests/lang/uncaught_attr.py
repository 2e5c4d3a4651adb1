# AttributeError on None, from a while loop condition spanning lines.
class Node:
    def __init__(self, nxt):
        self.nxt = nxt

n = Node(Node(None))
steps = 0
while (n.nxt is not None or
       n.nxt.nxt is None):
    n = n.nxt
    steps += 1
    print("step", steps)
