# int and float methods.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


for n in [0, 1, 5, 255, 256, -1, -256, 2**70, -(2**70)]:
    print(n, n.bit_length(), n.bit_count(), n.conjugate(), n.as_integer_ratio(), n.__index__())
print(True.bit_length(), True.conjugate(), (10).to_bytes(2, "big"), (10).to_bytes(2, "little"), (255).to_bytes(1, "big"))
print((1024).to_bytes(2), (0).to_bytes(0, "big"), (-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((2**64).to_bytes(9, "big"), (127).to_bytes(1, "big", signed=True), (65535).to_bytes(length=2, byteorder="big"))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), int.from_bytes(b"\xff\xff", "big", signed=True))
print(int.from_bytes(b"\x80", byteorder="big", signed=True), int.from_bytes([1, 2], "big"), int.from_bytes(b"", "big"), int.from_bytes(b"\x01\x00"))
print(int.from_bytes((2**80).to_bytes(11, "big"), "big") == 2**80)
attempt("to_bytes little2", lambda: (5).to_bytes(1, "little2"))
attempt("to_bytes too big", lambda: (500).to_bytes(1, "big"))
attempt("to_bytes signed too big", lambda: (128).to_bytes(1, "big", signed=True))
attempt("to_bytes negative", lambda: (-1).to_bytes(1, "big"))
attempt("to_bytes length -1", lambda: (1).to_bytes(-1, "big"))
attempt("from_bytes str", lambda: int.from_bytes("a", "big"))
attempt("from_bytes bog", lambda: int.from_bytes(b"a", "bog"))
attempt("bit_length(1)", lambda: (1).bit_length(1))
attempt("conjugate(1)", lambda: (1).conjugate(1))
for x in [0.0, -0.0, 1.0, 1.5, -2.5, 0.1, 3.0, 1e300, 5e-324, 2.0**-1022, 123456.789]:
    print(x, x.is_integer(), x.as_integer_ratio(), x.hex(), x.conjugate())
print(float("inf").is_integer(), float("nan").is_integer(), float("inf").hex(), float("-inf").hex(), float("nan").hex())
attempt("ratio inf", lambda: float("inf").as_integer_ratio())
attempt("ratio nan", lambda: float("nan").as_integer_ratio())
attempt("is_integer(1)", lambda: (1.5).is_integer(1))
attempt("hex(1)", lambda: (1.5).hex(1))
print(float.is_integer(2.0), int.bit_length(8))
