print("a", len("b")
