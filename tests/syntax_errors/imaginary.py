z = 1j
