# An uncaught KeyError three calls deep.
def price(order):
    return order["price"] * order["quantity"]

def total(orders):
    s = 0
    for o in orders:
        s += price(o)
    return s

print("start")
print(total([{"price": 2, "quantity": 3},
             {"price": 5}]))
