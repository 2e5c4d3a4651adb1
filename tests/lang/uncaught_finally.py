# An exception raised in finally while another is in flight.
def work():
    try:
        x = 1 / 0
    finally:
        print("finally")
        undefined_thing
work()
