# A string inside an f-string field cannot run onto the next line.
x = f"""{'a
b'}"""
