# SystemExit with a message prints it and exits with status 1; finally blocks run.
try:
    print("about to exit")
    raise SystemExit("fatal: giving up")
finally:
    print("cleanup ran")
