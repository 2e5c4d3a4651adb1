s = b"a" "b"
