x = 1
x, += 2

# ERROR 2:1: 'tuple' is an illegal expression for augmented assignment
