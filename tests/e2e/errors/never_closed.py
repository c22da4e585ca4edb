x = (1, 2
y = 3

# ERROR 1:5: '(' was never closed
