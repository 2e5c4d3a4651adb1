# raise SystemExit with a number sets the exit status quietly.
print("bye")
raise SystemExit(3)
